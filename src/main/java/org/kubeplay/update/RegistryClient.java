package org.kubeplay.update;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.kubeplay.kube.RegistriesConf;

/**
 * Asks registries for the digest an image's tag points to now, with a HEAD on its manifest, the
 * token flow of the distribution spec when the registry asks for it, and plain http for the
 * registries that registries.conf marks insecure.
 */
public final class RegistryClient {
  /** How long a connection may take: a registry that far away counts as unreachable. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** How long one request may take: a HEAD and a token are small answers. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** Largest token answer read: real tokens are a few KiB of JWT. */
  static final int MAX_TOKEN_ANSWER_BYTES = 64 * 1024;

  private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+:[0-9a-f]{32,128}");

  private final HttpClient http;
  private final Set<String> insecure;

  /**
   * Creates a client.
   *
   * @param insecureRegistries hosts, or host/repository prefixes, reached over plain http
   */
  public RegistryClient(Set<String> insecureRegistries) {
    this.insecure = Set.copyOf(insecureRegistries);
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** A client that treats as insecure what the system's registries.conf says. */
  public static RegistryClient fromSystem() {
    return new RegistryClient(RegistriesConf.insecureRegistries());
  }

  /**
   * Returns the digest of the manifest the image's tag points to in its registry.
   *
   * @param credentials what to log in with when the registry asks
   */
  public String digest(ImageReference image, Optional<Credentials> credentials)
      throws RegistryException, InterruptedException {
    URI uri = manifestUri(image);
    HttpResponse<Void> answer = head(uri, Optional.empty());
    if (answer.statusCode() == 401) {
      String authorization = authorization(image, answer, credentials);
      answer = head(uri, Optional.of(authorization));
    }
    return digestOf(uri, answer);
  }

  /** Whether the image's registry is reached over plain http. */
  boolean isInsecure(ImageReference image) {
    String name = image.name();
    return insecure.stream()
        .anyMatch(prefix -> name.equals(prefix) || name.startsWith(prefix + "/"));
  }

  URI manifestUri(ImageReference image) {
    String scheme = isInsecure(image) ? "http" : "https";
    return URI.create(
        scheme
            + "://"
            + image.apiHost()
            + "/v2/"
            + image.apiRepository()
            + "/manifests/"
            + image.tag());
  }

  private HttpResponse<Void> head(URI uri, Optional<String> authorization)
      throws RegistryException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", ManifestTypes.acceptHeader());
    authorization.ifPresent(value -> request.header("Authorization", value));
    return send(request.build(), HttpResponse.BodyHandlers.discarding());
  }

  private String authorization(
      ImageReference image, HttpResponse<?> answer, Optional<Credentials> credentials)
      throws RegistryException, InterruptedException {
    String header =
        answer
            .headers()
            .firstValue("WWW-Authenticate")
            .orElseThrow(() -> new RegistryException("registry answered 401 without a challenge"));
    Challenge challenge;
    try {
      challenge = Challenge.parse(header);
    } catch (IllegalArgumentException e) {
      throw new RegistryException(e.getMessage(), e);
    }
    Optional<BearerChallenge> bearer = challenge.bearer();
    if (bearer.isPresent()) {
      return "Bearer " + token(bearer.get(), image, credentials);
    }
    if (challenge.isBasic()) {
      return credentials
          .map(Credentials::basicHeader)
          .orElseThrow(() -> new RegistryException("registry asks for credentials: none found"));
    }
    throw new RegistryException("registry asks for unsupported auth scheme '" + header + "'");
  }

  private String token(
      BearerChallenge challenge, ImageReference image, Optional<Credentials> credentials)
      throws RegistryException, InterruptedException {
    String scope = challenge.scope().orElse("repository:" + image.apiRepository() + ":pull");
    StringBuilder query = new StringBuilder("scope=").append(encode(scope));
    challenge.service().ifPresent(service -> query.append("&service=").append(encode(service)));
    String separator = challenge.realm().contains("?") ? "&" : "?";
    URI uri;
    try {
      uri = URI.create(challenge.realm() + separator + query);
    } catch (IllegalArgumentException e) {
      throw new RegistryException("token realm '" + challenge.realm() + "' is not a URL", e);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(REQUEST_TIMEOUT);
    credentials.ifPresent(c -> request.header("Authorization", c.basicHeader()));
    HttpResponse<InputStream> answer =
        send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    return tokenOf(uri, answer, credentials.isPresent());
  }

  private static String tokenOf(URI uri, HttpResponse<InputStream> answer, boolean withCredentials)
      throws RegistryException {
    String context = "getting a token from '" + uri.getScheme() + "://" + uri.getAuthority() + "'";
    byte[] body;
    try (InputStream in = answer.body()) {
      body = in.readNBytes(MAX_TOKEN_ANSWER_BYTES + 1);
    } catch (IOException e) {
      throw new RegistryException(context + ": " + e.getMessage(), e);
    }
    if (answer.statusCode() != 200) {
      String login = withCredentials ? "with the authfile's credentials" : "without credentials";
      throw new RegistryException(
          context + ": token server answered " + answer.statusCode() + " " + login);
    }
    if (body.length > MAX_TOKEN_ANSWER_BYTES) {
      throw new RegistryException(context + ": answer larger than " + MAX_TOKEN_ANSWER_BYTES);
    }
    return tokenField(context, new String(body, StandardCharsets.UTF_8));
  }

  private static String tokenField(String context, String json) throws RegistryException {
    try {
      Map<String, Object> fields = JSON.std.mapFrom(json);
      Object token =
          fields == null ? null : fields.getOrDefault("token", fields.get("access_token"));
      if (token instanceof String text && !text.isEmpty()) {
        return text;
      }
      throw new RegistryException(context + ": answer has no 'token' or 'access_token'");
    } catch (IOException e) {
      throw new RegistryException(context + ": answer is not JSON", e);
    }
  }

  private static String digestOf(URI uri, HttpResponse<Void> answer) throws RegistryException {
    int status = answer.statusCode();
    if (status != 200) {
      String why = status == 401 ? " (not authorized)" : status == 404 ? " (no such tag)" : "";
      throw new RegistryException("'" + uri + "' answered " + status + why);
    }
    String digest = answer.headers().firstValue("Docker-Content-Digest").orElse("");
    if (!DIGEST.matcher(digest).matches()) {
      throw new RegistryException(
          "'" + uri + "' answered without a valid Docker-Content-Digest: '" + digest + "'");
    }
    return digest;
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
      throws RegistryException, InterruptedException {
    try {
      return http.send(request, body);
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new RegistryException(request.method() + " '" + request.uri() + "': " + why, e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
