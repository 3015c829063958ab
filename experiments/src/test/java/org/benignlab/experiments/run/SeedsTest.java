package org.benignlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SeedsTest {
    @Test
    void streamsDependOnlyOnRootSeedRunKeyAndName() {
        Seeds a = new Seeds(1, "abc");
        Seeds b = new Seeds(1, "abc");
        assertEquals(a.stream("data").nextLong(), b.stream("data").nextLong());
        // asking in another order or asking twice gives the same numbers
        b.stream("test").nextLong();
        assertEquals(a.stream("init").nextLong(), b.stream("init").nextLong());
        assertNotEquals(a.stream("data").nextLong(), a.stream("noise").nextLong());
        assertNotEquals(a.stream("data").nextLong(), new Seeds(2, "abc").stream("data").nextLong());
        assertNotEquals(a.stream("data").nextLong(), new Seeds(1, "abd").stream("data").nextLong());
        assertEquals(a.describe(), b.describe());
    }
}
