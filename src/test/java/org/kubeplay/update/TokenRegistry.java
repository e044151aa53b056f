package org.kubeplay.update;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.kubeplay.testing.Command;

/**
 * A second real registry that demands bearer tokens from a {@link TokenServer}, serving the storage
 * of the sandbox's registry, so that what the tests push there shows here too.
 */
final class TokenRegistry implements AutoCloseable {
  private static final Duration START_DEADLINE = Duration.ofSeconds(20);
  private static final String STORE_PASSWORD = "kubeplay-test";

  private final Process process;
  private final TokenServer tokens;
  final String address;

  TokenRegistry(Path dir, Path storage, Credentials user) throws Exception {
    Path keystore = dir.resolve("token.p12");
    Command.run(
            Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
            "-genkeypair",
            "-alias",
            "token",
            "-keyalg",
            "RSA",
            "-keysize",
            "2048",
            "-sigalg",
            "SHA256withRSA",
            "-dname",
            "CN=kubeplay-test-token",
            "-validity",
            "2",
            "-storetype",
            "PKCS12",
            "-keystore",
            keystore.toString(),
            "-storepass",
            STORE_PASSWORD,
            "-keypass",
            STORE_PASSWORD)
        .checked();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(keystore)) {
      store.load(in, STORE_PASSWORD.toCharArray());
    }
    var key = (PrivateKey) store.getKey("token", STORE_PASSWORD.toCharArray());
    var certificate = (X509Certificate) store.getCertificate("token");
    Path bundle = dir.resolve("token.pem");
    Files.writeString(bundle, pem(certificate));
    tokens = new TokenServer(key, certificate, user);
    address = "127.0.0.1:" + freePort();
    Path config = dir.resolve("registry.yml");
    Files.writeString(config, config(storage, bundle));
    process =
        new ProcessBuilder("docker-registry", "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("registry.log").toFile())
            .start();
    awaitListening();
  }

  private String config(Path storage, Path bundle) {
    return """
        version: 0.1
        log:
          level: warn
        storage:
          filesystem:
            rootdirectory: %s
        http:
          addr: %s
        auth:
          token:
            realm: %s
            service: %s
            issuer: %s
            rootcertbundle: %s
        """
        .formatted(
            storage, address, tokens.realm(), TokenServer.SERVICE, TokenServer.ISSUER, bundle);
  }

  private void awaitListening() throws Exception {
    Instant end = Instant.now().plus(START_DEADLINE);
    int colon = address.indexOf(':');
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(
            new InetSocketAddress(
                address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))),
            1000);
        return;
      } catch (IOException e) {
        if (!process.isAlive() || Instant.now().isAfter(end)) {
          throw new IOException("token registry on " + address + " did not start", e);
        }
        Thread.sleep(50);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String pem(X509Certificate certificate) throws Exception {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded());
    return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
    tokens.close();
  }
}
