package cn.tongban.center.archive;

import cn.tongban.contracts.IdentityNumber;
import java.util.Optional;

/** What a scan can be linked to at this center: the look-ups the import needs, answered by the center's stores. */
public interface ArchiveTargets {

    /** The identity number of the account with this number, if there is one. */
    Optional<IdentityNumber> accountHolder(String accountNumber);

    /** The account number of the person's account at this center, if there is one. */
    Optional<String> accountOf(IdentityNumber identityNumber);

    boolean caseExists(String caseId);
}
