import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * The smallest OpenID provider the service accepts tokens from: discovery and a JWKS with one RSA key, whose private
 * half goes to {@code dir/oidc-key.der} (PKCS#8) so a benchmark can mint people's tokens itself (run by bench/approve.sh).
 * Args: port dir. Runs until killed.
 */
public class OidcStub {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        Files.createDirectories(dir);
        Files.write(dir.resolve("oidc-key.der"), pair.getPrivate().getEncoded());
        RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
        String issuer = "http://127.0.0.1:" + port;
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"bench\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\"" + b64(pub.getModulus())
                + "\",\"e\":\"" + b64(pub.getPublicExponent()) + "\"}]}";
        String discovery = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\",\"authorization_endpoint\":\""
                + issuer + "/auth\",\"token_endpoint\":\"" + issuer + "/token\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/.well-known/openid-configuration", x -> reply(x, discovery));
        server.createContext("/jwks", x -> reply(x, jwks));
        server.start();
        System.out.println("oidc stub at " + issuer);
    }

    static void reply(com.sun.net.httpserver.HttpExchange x, String json) throws java.io.IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    static String b64(BigInteger n) {
        byte[] bytes = n.toByteArray();
        if (bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
