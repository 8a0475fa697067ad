package hearth.federation.object;

/** The kinds of actor Hearth meets; a circle is a Group, a pseudonym a Person, a node an Application. */
public enum ActorType {
    GROUP("Group"), PERSON("Person"), APPLICATION("Application"), SERVICE("Service"), ORGANIZATION("Organization");

    private final String wireName;

    ActorType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ActorType of(String wireName) {
        for (ActorType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        throw new hearth.federation.json.Fields.Malformed("not an actor: " + wireName);
    }
}
