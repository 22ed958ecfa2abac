package cn.tongban.kit.security;

import cn.tongban.kit.web.ApiProblem;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A token issuer for the local federation and tests only: active in the {@code local} profile and in no
 * other, so a production deployment has no way to mint tokens and must name its identity provider
 * ({@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} or {@code issuer-uri}).
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@Profile("local")
@Import(DevTokenIssuer.Endpoint.class)
public class DevTokenIssuer {

    @Bean
    JwtDecoder devJwtDecoder(SecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key(properties.devIssuer()))
                .macAlgorithm(MacAlgorithm.HS256).build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
                aud -> aud != null && aud.contains(properties.audience()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.devIssuer().issuer()), audience));
        return decoder;
    }

    static SecretKeySpec key(SecurityProperties.DevIssuer issuer) {
        byte[] secret = issuer.secret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < 32) {
            throw new IllegalStateException("tongban.security.dev-issuer.secret must be at least 32 bytes");
        }
        return new SecretKeySpec(secret, "HmacSHA256");
    }

    /** {@code POST /dev/token}: a signed token for whoever asks. Local use only. */
    @RestController
    @Tag(name = "dev", description = "Local federation only: demo tokens")
    static class Endpoint {

        private final SecurityProperties properties;
        private final Clock clock;

        Endpoint(SecurityProperties properties, Clock clock) {
            this.properties = properties;
            this.clock = clock;
        }

        @PostMapping("/dev/token")
        @Operation(summary = "Mint a demo token (local profile only)")
        Map<String, Object> token(@RequestParam String sub, @RequestParam List<String> roles,
                                  @RequestParam(required = false) String identityNumber,
                                  @RequestParam(required = false) String employer,
                                  @RequestParam(required = false) String center) throws JOSEException {
            List<String> known = Arrays.stream(Role.values()).map(Enum::name).toList();
            for (String role : roles) {
                if (!known.contains(role)) {
                    throw ApiProblem.badRequest("UNKNOWN_ROLE", "unknown role " + role + "; roles are " + known);
                }
            }
            Instant now = clock.instant();
            Instant expires = now.plus(properties.devIssuer().validity());
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .jwtID(UUID.randomUUID().toString())
                    .issuer(properties.devIssuer().issuer())
                    .audience(properties.audience())
                    .subject(sub)
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(expires))
                    .claim(SecurityConfiguration.ROLES_CLAIM, roles);
            if (identityNumber != null) {
                claims.claim(Caller.IDENTITY_NUMBER_CLAIM, identityNumber);
            }
            if (employer != null) {
                claims.claim(Caller.EMPLOYER_CLAIM, employer);
            }
            if (center != null) {
                claims.claim(Caller.CENTER_CLAIM, center);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(key(properties.devIssuer())));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", jwt.serialize());
            body.put("token_type", "Bearer");
            body.put("expires_in", properties.devIssuer().validity().toSeconds());
            body.put("audience", properties.audience());
            body.put("roles", roles);
            return body;
        }
    }
}
