package org.claimwire.ingest.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.claimwire.ingest.dedupe.MinHasher;
import org.junit.jupiter.api.Test;

class StateStoreBytesTest {

    @Test
    void signaturesRoundTripWithTheirVersion() {
        int[] sig = MinHasher.signature("the quick brown fox jumps over the lazy dog while the cat watches it from a tree "
                + "and the farmer counts his sheep in the field next to the river on a quiet Sunday morning");
        assertThat(sig).isNotNull();
        byte[] stored = StateStore.toBytes(sig);
        assertThat(stored[0]).isEqualTo(MinHasher.VERSION);
        assertThat(StateStore.fromBytes(stored)).isEqualTo(sig);
        assertThat(StateStore.toBytes(null)).isNull();
        assertThat(StateStore.fromBytes(null)).isNull();
    }

    @Test
    void aSignatureOfTheFormerAlgorithmIsNotComparedWithNewOnes() {
        ByteBuffer v1 = ByteBuffer.allocate(MinHasher.NUM_HASHES * 4); // version 1: no prefix
        for (int i = 0; i < MinHasher.NUM_HASHES; i++) {
            v1.putInt(i * 31);
        }
        assertThat(StateStore.fromBytes(v1.array())).isNull();
        byte[] otherVersion = StateStore.toBytes(new int[MinHasher.NUM_HASHES]);
        otherVersion[0] = (byte) (MinHasher.VERSION + 1);
        assertThat(StateStore.fromBytes(otherVersion)).isNull();
    }
}
