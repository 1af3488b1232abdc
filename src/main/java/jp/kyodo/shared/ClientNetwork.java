package jp.kyodo.shared;

/**
 * The network a client address counts for in rate limits: the address itself for IPv4, its /64 prefix for IPv6, since
 * one household or one server is given a whole /64 and could otherwise use a fresh address for every request.
 */
public final class ClientNetwork {

    private ClientNetwork() {
    }

    public static String of(String clientAddress) {
        if (clientAddress == null || clientAddress.isBlank()) {
            return "";
        }
        if (!clientAddress.contains(":")) {
            return clientAddress;
        }
        try {
            byte[] bytes = java.net.InetAddress.getByName(clientAddress.replaceAll("^\\[|\\]$", "").replaceAll("%.*$", "")).getAddress();
            if (bytes.length != 16) {
                return clientAddress;
            }
            return java.util.HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        } catch (java.net.UnknownHostException e) {
            return clientAddress;
        }
    }
}
