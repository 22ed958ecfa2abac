package cn.tongban.center.account;

import cn.tongban.center.ledger.LedgerEntry;
import java.util.Objects;

/**
 * What the store answers when asked to post an entry to an account's ledger (记账): posted now, posted already by
 * an earlier call with the same serial number (a retried posting never doubles), or refused with its reason.
 */
public sealed interface AccountPosting {

    /** The account after the posting, or {@code null} when refused. */
    PersonalAccount account();

    default boolean isRefused() {
        return this instanceof Refused;
    }

    /**
     * The entry is in the ledger.
     *
     * @param earlier true when an earlier call posted it and this one changed nothing
     */
    record Posted(PersonalAccount account, LedgerEntry entry, boolean earlier) implements AccountPosting {

        public Posted {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** Not posted: by the ledger's rules ({@code INSUFFICIENT_BALANCE} …), the caller's condition, or no account. */
    record Refused(String reasonCode, String reason) implements AccountPosting {

        public static final String NO_SUCH_ACCOUNT = "NO_SUCH_ACCOUNT";
        public static final String CONCURRENT_CHANGE = "CONCURRENT_CHANGE";

        public Refused {
            Objects.requireNonNull(reasonCode, "reasonCode");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public PersonalAccount account() {
            return null;
        }
    }
}
