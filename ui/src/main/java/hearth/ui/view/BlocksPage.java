package hearth.ui.view;

import java.util.List;

/**
 * The console's blocks page (admins only): the domain and actor blocks with their comments, a
 * form to add or change a domain block (holding what she typed after a refused try), a form to
 * block one actor, a box to paste a Mastodon CSV into, and the export link. Immutable.
 */
public record BlocksPage(Chrome chrome, String csrf, List<DomainRow> domains, List<ActorRow> actors,
                         DomainForm form, ActorForm actorForm, String importText, boolean importShared,
                         List<String> errors, List<String> notices, List<Option> severities, boolean allowlistMode,
                         List<String> partners) {

    public BlocksPage {
        domains = List.copyOf(domains);
        actors = List.copyOf(actors);
        errors = List.copyOf(errors);
        notices = List.copyOf(notices);
        severities = List.copyOf(severities);
        partners = List.copyOf(partners);
    }

    /** One domain block; {@code flags} already as words ("reject media, reject reports"). */
    public record DomainRow(String domain, String severity, String flags, String publicComment, String privateComment,
                            boolean shared, boolean obfuscate, String updated, String editUrl) {
    }

    /** One actor block. */
    public record ActorRow(String actor, String severity, String comments, String since) {
    }

    /** The add-or-change form's fields, as typed. */
    public record DomainForm(String domain, String severity, boolean rejectMedia, boolean rejectReports,
                             String publicComment, String privateComment, boolean obfuscate, boolean shared) {
        public static DomainForm empty() {
            return new DomainForm("", "suspend", false, false, "", "", false, false);
        }
    }

    /** The actor form's fields, as typed. */
    public record ActorForm(String actor, String severity, String comments) {
        public static ActorForm empty() {
            return new ActorForm("", "suspend", "");
        }
    }
}
