package org.credstack.enrollment.xapi;

import static org.credstack.enrollment.xapi.Fields.child;
import static org.credstack.enrollment.xapi.Fields.present;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads Agents and Groups (xAPI Data sections 2.4.2.1 to 2.4.2.4), recording problems in {@link Fields}. */
final class ActorParser {

    private static final List<String> IFIS = List.of("mbox", "mbox_sha1sum", "openid", "account");
    private static final Set<String> AGENT_KEYS =
            Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account");
    private static final Set<String> GROUP_KEYS =
            Set.of("objectType", "name", "member", "mbox", "mbox_sha1sum", "openid", "account");

    private final Fields fields;

    ActorParser(Fields fields) {
        this.fields = fields;
    }

    Actor actor(JsonNode node, String pointer) {
        if (!fields.isObject(node, pointer, "an actor")) {
            return null;
        }
        String type = fields.string(node, "objectType", pointer);
        if (type == null || type.equals("Agent")) {
            return agent(node, pointer);
        }
        if (type.equals("Group")) {
            return group(node, pointer);
        }
        fields.add(child(pointer, "objectType"), "an actor's objectType is Agent or Group");
        return null;
    }

    Agent agent(JsonNode node, String pointer) {
        if (!fields.isObject(node, pointer, "an Agent")) {
            return null;
        }
        int mark = fields.mark();
        fields.onlyKeys(node, pointer, AGENT_KEYS, "an Agent");
        String name = fields.string(node, "name", pointer);
        Ifi ifi = ifi(node, pointer, "an Agent");
        return fields.okSince(mark) ? fields.attempt(pointer, () -> new Agent(name, ifi)) : null;
    }

    Group group(JsonNode node, String pointer) {
        int mark = fields.mark();
        fields.onlyKeys(node, pointer, GROUP_KEYS, "a Group");
        String name = fields.string(node, "name", pointer);
        Ifi ifi = ifi(node, pointer, "an identified Group");
        List<Agent> members = members(node, pointer);
        return fields.okSince(mark) ? fields.attempt(pointer, () -> new Group(name, ifi, members)) : null;
    }

    private List<Agent> members(JsonNode group, String pointer) {
        if (!present(group, "member")) {
            return List.of();
        }
        JsonNode list = group.get("member");
        String at = child(pointer, "member");
        if (!list.isArray()) {
            fields.add(at, "a Group's member is a JSON array of Agents");
            return List.of();
        }
        List<Agent> members = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode member = list.get(i);
            if (member.isObject() && "Group".equals(member.path("objectType").asString(null))) {
                fields.add(child(child(at, i), "objectType"), "a Group's members are Agents, not Groups");
            } else {
                members.add(agent(member, child(at, i)));
            }
        }
        return members;
    }

    /** The one IFI of an Agent or identified Group, or {@code null} if there is none or more than one. */
    private Ifi ifi(JsonNode node, String pointer, String what) {
        List<String> given = IFIS.stream().filter(key -> present(node, key)).toList();
        if (given.size() > 1) {
            fields.add(
                    pointer,
                    what + " has exactly one inverse functional identifier (mbox, mbox_sha1sum, openid or account),"
                            + " found " + String.join(" and ", given));
            return null;
        }
        if (given.isEmpty()) {
            return null;
        }
        String key = given.getFirst();
        if (key.equals("account")) {
            return account(node.get(key), child(pointer, key), pointer);
        }
        String value = fields.string(node, key, pointer);
        if (value == null) {
            return null;
        }
        return fields.attempt(pointer, () -> switch (key) {
            case "mbox" -> new Ifi.Mbox(value);
            case "mbox_sha1sum" -> new Ifi.MboxSha1Sum(value);
            default -> new Ifi.OpenId(value);
        });
    }

    private Ifi account(JsonNode account, String at, String pointer) {
        if (!fields.isObject(account, at, "an account")) {
            return null;
        }
        int mark = fields.mark();
        fields.onlyKeys(account, at, Set.of("homePage", "name"), "an account");
        String homePage = fields.string(account, "homePage", at);
        String name = fields.string(account, "name", at);
        return fields.okSince(mark) ? fields.attempt(pointer, () -> new Ifi.Account(homePage, name)) : null;
    }
}
