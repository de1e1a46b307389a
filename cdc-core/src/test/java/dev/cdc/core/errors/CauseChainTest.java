package dev.cdc.core.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CauseChainTest {

    @Test
    void listsTheThrowableAndItsCausesOutermostFirst() {
        IllegalStateException root = new IllegalStateException("root");
        RuntimeException outer = new RuntimeException("outer", root);

        assertThat(CauseChain.of(outer)).containsExactly(outer, root);
        assertThat(CauseChain.of(null)).isEmpty();
    }

    @Test
    void aSelfReferencingCycleIsWalkedOnce() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        RuntimeException c = new RuntimeException("c", b);
        a.initCause(c);

        assertThat(CauseChain.of(c)).containsExactly(c, b, a);
        assertThat(CauseChain.describe(c)).isEqualTo("RuntimeException: c; caused by RuntimeException: b; caused by RuntimeException: a");
    }

    @Test
    void aVeryLongChainIsCutAtTheMaximumDepth() {
        Throwable chain = new RuntimeException("0");
        for (int i = 1; i < 500; i++) {
            chain = new RuntimeException(Integer.toString(i), chain);
        }

        assertThat(CauseChain.of(chain)).hasSize(CauseChain.MAX_DEPTH);
    }

    @Test
    void describeLeavesOutMissingMessages() {
        assertThat(CauseChain.describe(new RuntimeException(new NullPointerException())))
                .isEqualTo("RuntimeException: java.lang.NullPointerException; caused by NullPointerException");
    }
}
