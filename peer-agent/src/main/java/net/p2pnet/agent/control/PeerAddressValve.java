package net.p2pnet.agent.control;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Puts the address of the TCP peer on each request, for the access decision. {@code getRemoteAddr()}
 * is not that address once forwarded-header handling is on (Spring Boot turns Tomcat's RemoteIpValve
 * on by itself on Kubernetes, and it believes {@code X-Forwarded-For} from any private address);
 * Tomcat's {@code getPeerAddr()} always is the socket's, whatever valve or filter rewrote the rest.
 */
final class PeerAddressValve extends ValveBase {

    private static final String ATTRIBUTE = PeerAddressValve.class.getName();

    PeerAddressValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        request.setAttribute(ATTRIBUTE, request.getPeerAddr());
        getNext().invoke(request, response);
    }

    /** The socket's peer address of {@code request}; fails (a 500, nobody let in) if the valve did not run. */
    static InetAddress of(ServletRequest request) throws UnknownHostException {
        Object peer = request.getAttribute(ATTRIBUTE);
        if (!(peer instanceof String address)) {
            throw new IllegalStateException("no peer address on the request: PeerAddressValve is not installed");
        }
        // Tomcat gives a literal IP, so this never asks DNS
        return InetAddress.getByName(address);
    }
}
