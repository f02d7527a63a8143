package fr.centraleachat.support.web;

import fr.centraleachat.support.json.DatesBornees;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.format.FormatterRegistry;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * What protects a service from its callers at the HTTP level, whether they come through the gateway or not: the
 * body size limit, problem+json for the container's own errors and for {@code /error}, bounded dates in query
 * parameters, and {@code Location} headers at the public address.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
public class ProtectionWebAutoConfiguration {

    @Bean
    FilterRegistrationBean<LimiteCorpsFilter> limiteCorpsFilter(JsonMapper json,
            @Value("${centrale.limites.corps-max:1MB}") DataSize limite,
            @Value("${centrale.limites.televersement-max:${centrale.limites.corps-max:1MB}}") DataSize televersement) {
        var enregistrement = new FilterRegistrationBean<>(new LimiteCorpsFilter(limite.toBytes(),
                televersement.toBytes(), json));
        // Right after the security filters: an anonymous caller is refused 401 without a byte of its body read.
        enregistrement.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return enregistrement;
    }

    @Bean
    FilterRegistrationBean<EmplacementPublicFilter> emplacementPublicFilter(
            @Value("${centrale.url-publique:http://localhost:8080}") URI urlPublique) {
        var enregistrement = new FilterRegistrationBean<>(new EmplacementPublicFilter(urlPublique));
        enregistrement.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2);
        return enregistrement;
    }

    @Bean
    ProblemeErrorController problemeErrorController() {
        return new ProblemeErrorController();
    }

    @Bean
    TomcatContextCustomizer valveErreurProbleme() {
        return contexte -> {
            if (contexte.getParent() instanceof StandardHost hote) {
                hote.setErrorReportValveClass(ValveErreurProbleme.class.getName());
            }
        };
    }

    @Bean
    WebMvcConfigurer datesBorneesDansLesParametres() {
        return new WebMvcConfigurer() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public void addFormatters(FormatterRegistry registre) {
                // Spring trims enum names in parameters; " NONE " is refused as in a body.
                registre.addConverterFactory(new org.springframework.core.convert.converter.ConverterFactory<String, Enum>() {
                    @Override
                    public <E extends Enum> org.springframework.core.convert.converter.Converter<String, E> getConverter(
                            Class<E> type) {
                        return texte -> texte.isEmpty() ? null : (E) Enum.valueOf(type, texte);
                    }
                });
                // A "+" of an offset arrives as a space when the client did not encode it.
                registre.addConverter(String.class, LocalDate.class, texte -> DatesBornees.date(null, texte));
                registre.addConverter(String.class, OffsetDateTime.class,
                        texte -> DatesBornees.dateHeure(null, texte.replace(' ', '+')));
                registre.addConverter(String.class, Instant.class,
                        texte -> DatesBornees.instant(null, texte.replace(' ', '+')));
            }
        };
    }
}
