package org.claimwire.nlp.entities;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.claimwire.events.Enrichment.EntityType;

/** One real-world entity inside a story, built up while mentions are resolved. */
public final class Entity {
    String id;
    String name;
    /** Normalised name tokens (lower case, no dots): "donald", "trump". */
    List<String> nameTokens;
    EntityType type;
    final Map<EntityType, Integer> votes = new EnumMap<>(EntityType.class);
    final List<String> titles = new ArrayList<>();
    final List<Mention> mentions = new ArrayList<>();

    Entity(String name, List<String> nameTokens, EntityType type) {
        this.name = name;
        this.nameTokens = nameTokens;
        this.type = type;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public EntityType type() {
        return type;
    }

    public List<String> titles() {
        return titles;
    }

    public List<Mention> mentions() {
        return mentions;
    }

    void vote(EntityType t) {
        votes.merge(t, 1, Integer::sum);
    }

    void addTitle(String title) {
        String n = Titles.normalise(title);
        if (n.isEmpty()) {
            return;
        }
        for (String t : titles) {
            if (t.equals(title)) {
                return;
            }
        }
        titles.add(title);
    }

    boolean hasTitle(String normalised) {
        for (String t : titles) {
            if (Titles.normalise(t).equals(normalised)) {
                return true;
            }
        }
        return false;
    }

    boolean hasTitleHead(String head) {
        for (String t : titles) {
            String n = Titles.normalise(t);
            if (n.equals(head) || n.endsWith(" " + head)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return id + ":" + name + "/" + type;
    }
}
