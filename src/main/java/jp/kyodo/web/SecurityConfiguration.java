package jp.kyodo.web;

import java.util.List;
import jp.kyodo.accounts.SessionAccountCheck;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.http.HttpStatus;

/** Who may open which page, form login, CSRF on every form, and the security headers. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** The policy; {@code %s} is replaced by the allowed script hashes (see kyodo.security.allowed-script-hashes). */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'%s",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationFailureHandler loginFailure,
            SessionAccountCheck sessionAccountCheck, ManagementPort managementPort, jp.kyodo.accounts.SecondFactor secondFactor,
            @Value("${kyodo.security.allowed-script-hashes:}") List<String> allowedScriptHashes) throws Exception {
        String hashes = allowedScriptHashes.stream().filter(h -> !h.isBlank()).map(h -> " '" + h.trim() + "'").collect(Collectors.joining());
        String policy = CONTENT_SECURITY_POLICY.formatted(hashes);
        http.addFilterAfter(sessionAccountCheck.filter(), SecurityContextHolderFilter.class)
                .addFilterAfter(secondFactor.filter(), org.springframework.security.web.authentication.AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        // The actuator: health for load balancers; metrics on the management port (internal network
                        // only) or, without one, for administrators. See docs/operations.md, "Monitoring".
                        .requestMatchers(managementPort).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/livez", "/readyz").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/staff/**").hasRole("STAFF")
                        .requestMatchers("/committee/**").hasRole("COMMITTEE")
                        .requestMatchers("/account/email/confirm").permitAll()
                        .requestMatchers("/account/**").authenticated()
                        .requestMatchers("/my/**").authenticated()
                        .requestMatchers("/notifications", "/notifications/**").authenticated()
                        .anyRequest().permitAll())
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("username")
                        .passwordParameter("password")
                        .successHandler(secondFactor.successHandler())
                        .failureHandler(loginFailure)
                        .permitAll())
                // A scraper is told 401; everyone else is sent to the login form, as before.
                .exceptionHandling(errors -> errors.authenticationEntryPoint(DelegatingAuthenticationEntryPoint.builder()
                        .addEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), PathPatternRequestMatcher.pathPattern("/actuator/**"))
                        .defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
                        .build()))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl("/?loggedOut")
                        .deleteCookies("JSESSIONID", "SESSION"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=(), payment=()")));
        return http.build();
    }

    /** An administrator is also staff; every role is also a resident. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_STAFF
                ROLE_STAFF > ROLE_RESIDENT
                ROLE_COMMITTEE > ROLE_RESIDENT""");
    }
}
