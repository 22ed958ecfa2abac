package cn.tongban.platform.federatedquery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.federatedquery.AccountIndexPublished;
import cn.tongban.contracts.federatedquery.IdentityHash;
import cn.tongban.contracts.federatedquery.IndexEntry;
import cn.tongban.kit.testing.EmbeddedMongo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The platform's holder index: hash → centers, newest line per center wins, whatever the order of arrival. */
class HolderIndexTest {

    static final CenterCode BEIJING = CenterCode.of("110000");
    static final CenterCode SHANGHAI = CenterCode.of("310000");
    static final Instant T1 = Instant.parse("2026-11-25T02:00:00Z");
    static final Instant T2 = Instant.parse("2026-11-25T03:00:00Z");

    EmbeddedMongo mongo;
    HolderIndex index;

    @BeforeEach
    void setUp() {
        mongo = new EmbeddedMongo("holder_index_test");
        index = new HolderIndex(mongo.template());
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    static IdentityHash hash(int n) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) (n >> 24);
        bytes[1] = (byte) (n >> 16);
        bytes[2] = (byte) (n >> 8);
        bytes[3] = (byte) n;
        bytes[31] = 1;
        return IdentityHash.of(HexFormat.of().formatHex(bytes));
    }

    @Test
    void aPersonPublishedByTwoCentersIsHeldByBoth() {
        index.apply(BEIJING, List.of(new IndexEntry(hash(1), true, T1)));
        index.apply(SHANGHAI, List.of(new IndexEntry(hash(1), true, T1), new IndexEntry(hash(2), true, T1)));

        assertThat(index.holders(hash(1))).containsExactly(BEIJING, SHANGHAI);
        assertThat(index.holders(hash(2))).containsExactly(SHANGHAI);
    }

    @Test
    void anUnknownPersonIsHeldByNobody() {
        assertThat(index.holders(hash(99))).isEmpty();
    }

    @Test
    void theSameLineTwiceChangesNothing() {
        assertThat(index.apply(BEIJING, List.of(new IndexEntry(hash(1), true, T1)))).isEqualTo(1);
        assertThat(index.apply(BEIJING, List.of(new IndexEntry(hash(1), true, T1)))).isZero();

        assertThat(index.holders(hash(1))).containsExactly(BEIJING);
        assertThat(mongo.template().getCollection(HolderIndex.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void aClosedAccountRemovesTheCenter() {
        index.apply(BEIJING, List.of(new IndexEntry(hash(1), true, T1)));
        index.apply(SHANGHAI, List.of(new IndexEntry(hash(1), true, T1)));

        index.apply(BEIJING, List.of(new IndexEntry(hash(1), false, T2)));

        assertThat(index.holders(hash(1))).containsExactly(SHANGHAI);
    }

    @Test
    void theNewerLineWinsInEitherOrderAndAtTheSameInstantHoldingWins() {
        index.apply(BEIJING, List.of(new IndexEntry(hash(1), true, T2)));
        index.apply(BEIJING, List.of(new IndexEntry(hash(1), false, T1)));
        index.apply(SHANGHAI, List.of(new IndexEntry(hash(1), false, T1)));
        index.apply(SHANGHAI, List.of(new IndexEntry(hash(1), true, T1)));

        assertThat(index.holders(hash(1))).containsExactly(BEIJING, SHANGHAI);
    }

    @Test
    void anOlderLineArrivingAfterANewerOneIsSkipped() {
        // the closing (T2) overtook the opening (T1), e.g. on another partition or from a replayed dead letter
        int closing = index.apply(BEIJING, List.of(new IndexEntry(hash(1), false, T2)));
        int opening = index.apply(BEIJING, List.of(new IndexEntry(hash(1), true, T1)));

        assertThat(closing).isEqualTo(1);
        assertThat(opening).isZero();
        assertThat(index.holders(hash(1))).isEmpty();
    }

    @Test
    void aFullBatchOfAThousandLinesIsAppliedAndTheSameBatchReplayedChangesNothing() {
        List<IndexEntry> batch = new ArrayList<>();
        for (int i = 0; i < AccountIndexPublished.MAX_ENTRIES; i++) {
            batch.add(new IndexEntry(hash(i), true, T1));
        }

        assertThat(index.apply(SHANGHAI, batch)).isEqualTo(1_000);
        assertThat(index.apply(SHANGHAI, batch)).isZero();
        assertThat(mongo.template().getCollection(HolderIndex.COLLECTION).countDocuments()).isEqualTo(1_000);
        assertThat(index.holders(hash(777))).containsExactly(SHANGHAI);
    }
}
