package io.longnam.common.mail;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;

/**
 * Mail texts are Qute templates {@code templates/mail/<name>.<th|en>.txt}. The first line of the rendered text is
 * the subject, the rest (after blank lines) the body, so one file holds a mail's whole wording in one language.
 * Subjects reach the log when no SMTP host is configured: they must never carry a code or any other secret.
 */
@ApplicationScoped
public class MailTemplates {

    static final String THAI = "th";
    static final String ENGLISH = "en";

    @Inject
    Engine engine;

    public record Rendered(String subject, String body) {
    }

    /** Thai for Thai, English for any other language; Thai when none is known, as for most people served. */
    static String language(Locale locale) {
        if (locale == null || locale.getLanguage().isEmpty()) {
            return THAI;
        }
        return THAI.equals(locale.getLanguage()) ? THAI : ENGLISH;
    }

    boolean exists(String name, String language) {
        return template(name, language) != null;
    }

    Rendered render(String name, String language, Map<String, Object> data) {
        Template template = template(name, language);
        if (template == null) {
            throw new IllegalStateException("no mail template " + name + " in " + language);
        }
        TemplateInstance instance = template.instance();
        data.forEach(instance::data);
        String text = instance.render().replace("\r\n", "\n");
        int end = text.indexOf('\n');
        String subject = (end < 0 ? text : text.substring(0, end)).strip();
        String body = end < 0 ? "" : text.substring(end + 1).replaceFirst("^\\s*\n", "");
        return new Rendered(subject, body);
    }

    private Template template(String name, String language) {
        if (!name.matches("[a-z0-9-]{1,64}")) {
            return null;
        }
        return engine.getTemplate("mail/" + name + "." + language + ".txt");
    }
}
