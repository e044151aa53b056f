package org.kubeplay.systemd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.UInt64;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Test;

class DBusValuesTest {
  @Test
  void unsignedIntegersBecomeLongs() {
    assertEquals(4_000_000_000L, DBusValues.plain(new UInt32(4_000_000_000L)));
    assertEquals(5L, DBusValues.plain(new UInt64(5)));
  }

  @Test
  void variantsAndPathsUnwrap() {
    assertEquals("active", DBusValues.plain(new Variant<>("active")));
    assertEquals("/org/x", DBusValues.plain(new Variant<>(new DBusPath("/org/x"))));
  }

  @Test
  void containersBecomePlainListsAndMaps() {
    Object plain =
        DBusValues.plain(Map.of("k", List.of(new UInt32(1), new DBusPath("/a")), "n", "v"));

    assertEquals(Map.of("k", List.of(1L, "/a"), "n", "v"), plain);
    assertEquals(List.of("a", "b"), DBusValues.plain(new String[] {"a", "b"}));
    assertArrayEquals(new byte[] {1, 2}, (byte[]) DBusValues.plain(new byte[] {1, 2}));
  }
}
