package org.kubeplay.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kubeplay.agent.AccessPolicy.Access;
import org.kubeplay.agent.AccessPolicy.PolkitAnswer;
import org.kubeplay.agent.AccessPolicy.Verdict;

class AccessPolicyTest {
  @ParameterizedTest(name = "{0} bus owned by {1}: {2} by uid {3} is {4}")
  @CsvSource({
    "SYSTEM, 0, READ, 65534, ALLOW",
    "SYSTEM, 0, MANAGE, 0, ALLOW",
    "SYSTEM, 0, MANAGE, 1000, ASK_POLKIT",
    "SYSTEM, 0, MANAGE, 65534, ASK_POLKIT",
    "SESSION, 1000, READ, 1001, ALLOW",
    "SESSION, 1000, MANAGE, 1000, ALLOW",
    "SESSION, 1000, MANAGE, 0, ALLOW",
    "SESSION, 1000, MANAGE, 1001, DENY",
    "SESSION, 0, MANAGE, 65534, DENY",
  })
  void decidesByBusOwnerAndCaller(
      BusKind bus, long owner, Access access, long caller, Verdict verdict) {
    assertEquals(verdict, new AccessPolicy(bus, owner).check(access, caller));
  }

  @Test
  void polkitAuthorizationAllows() {
    assertNull(AccessPolicy.denial(PolkitAnswer.AUTHORIZED, 1000));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "NOT_AUTHORIZED | access denied: polkit does not authorize uid 1000 for"
            + " 'org.kubeplay.Agent1.manage'",
        "UNAVAILABLE | access denied: uid 1000 is not root, and polkit, which could authorize"
            + " 'org.kubeplay.Agent1.manage', is not available",
        "CHALLENGE | access denied: uid 1000 must authenticate for 'org.kubeplay.Agent1.manage';"
            + " call again allowing interactive authorization",
      })
  void otherPolkitAnswersDenyWithTheReason(PolkitAnswer answer, String message) {
    assertEquals(message, AccessPolicy.denial(answer, 1000));
  }

  @Test
  void sessionDenialNamesBothUids() {
    assertEquals(
        "access denied: uid 1001 does not own this session bus (uid 1000)",
        new AccessPolicy(BusKind.SESSION, 1000).denial(1001));
  }
}
