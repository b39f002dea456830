package net.p2pnet.rendezvous.room;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Set;
import net.p2pnet.model.api.AnnouncedRoom;
import net.p2pnet.model.api.RequestRefused;
import net.p2pnet.model.api.RoomAnnouncement;

/** Checks a room announcement completely before anything of it is stored. */
final class AnnouncementValidator {

    static final int MAX_ROOMS = 1000;

    private AnnouncementValidator() {
    }

    static RoomAnnouncement validate(RoomAnnouncement announcement) {
        String url = announcement.serviceUrl();
        if (url == null || url.length() > 512 || !isHttpUrl(url)) {
            throw RequestRefused.badRequest("serviceUrl must be an http(s) URL of at most 512 characters");
        }
        if (announcement.rooms().size() > MAX_ROOMS) {
            throw RequestRefused.badRequest("at most " + MAX_ROOMS + " rooms per announcement, got "
                    + announcement.rooms().size());
        }
        Set<String> names = new HashSet<>();
        for (AnnouncedRoom room : announcement.rooms()) {
            if (room == null) {
                throw RequestRefused.badRequest("rooms must not contain null");
            }
            checkText(room.name(), 1, 128, "room name");
            if (room.topic() != null) {
                checkText(room.topic(), 0, 512, "topic of room '" + room.name() + "'");
            }
            if (room.users() < 0 || room.users() > 10_000_000) {
                throw RequestRefused.badRequest("users of room '" + room.name() + "' must be in 0-10000000");
            }
            if (!names.add(room.name())) {
                throw RequestRefused.badRequest("room '" + room.name() + "' is listed twice");
            }
        }
        return announcement;
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void checkText(String text, int min, int max, String what) {
        if (text == null || text.strip().length() < min || text.length() > max
                || text.chars().anyMatch(Character::isISOControl)) {
            throw RequestRefused.badRequest(what + " must be " + min + "-" + max + " characters without control characters");
        }
    }
}
