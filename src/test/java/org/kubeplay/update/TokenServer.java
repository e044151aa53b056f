package org.kubeplay.update;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A token server for the distribution registry's token auth, on loopback: it asks for HTTP Basic
 * credentials and issues RS256 JWTs that carry their certificate in {@code x5c}, granting what each
 * {@code scope} asks.
 */
final class TokenServer implements AutoCloseable {
  static final String ISSUER = "kubeplay-test-issuer";
  static final String SERVICE = "kubeplay-test-registry";

  /** How long a token lives; a test needs one for seconds. */
  private static final long LIFETIME_SECONDS = 300;

  private final HttpServer server;
  private final PrivateKey key;
  private final X509Certificate certificate;
  private final Credentials expected;

  TokenServer(PrivateKey key, X509Certificate certificate, Credentials expected)
      throws IOException {
    this.key = key;
    this.certificate = certificate;
    this.expected = expected;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/token", this::handle);
    server.start();
  }

  /** Where the registry sends clients for a token. */
  URI realm() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (!expected.basicHeader().equals(authorization)) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"kubeplay-test\"");
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      String token = token(scopes(exchange.getRequestURI().getRawQuery()));
      byte[] body = JSON.std.asBytes(Map.of("token", token, "expires_in", LIFETIME_SECONDS));
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static List<String> scopes(String query) {
    List<String> scopes = new ArrayList<>();
    for (String pair : query == null ? new String[0] : query.split("&")) {
      if (pair.startsWith("scope=")) {
        scopes.add(URLDecoder.decode(pair.substring("scope=".length()), StandardCharsets.UTF_8));
      }
    }
    return scopes;
  }

  private String token(List<String> scopes) throws IOException {
    try {
      Map<String, Object> header = new LinkedHashMap<>();
      header.put("alg", "RS256");
      header.put("typ", "JWT");
      header.put("x5c", List.of(Base64.getEncoder().encodeToString(certificate.getEncoded())));
      String signed =
          encode(JSON.std.asBytes(header)) + "." + encode(JSON.std.asBytes(claims(scopes)));
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed + "." + encode(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IOException("signing a token", e);
    }
  }

  private Map<String, Object> claims(List<String> scopes) {
    long now = Instant.now().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ISSUER);
    claims.put("sub", expected.username());
    claims.put("aud", SERVICE);
    claims.put("exp", now + LIFETIME_SECONDS);
    claims.put("nbf", now - 5);
    claims.put("iat", now - 5);
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("access", scopes.stream().map(TokenServer::access).toList());
    return claims;
  }

  /** {@code repository:name:pull,push} as the registry reads it from a token. */
  private static Map<String, Object> access(String scope) {
    int first = scope.indexOf(':');
    int last = scope.lastIndexOf(':');
    return Map.of(
        "type", scope.substring(0, first),
        "name", scope.substring(first + 1, last),
        "actions", List.of(scope.substring(last + 1).split(",")));
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
