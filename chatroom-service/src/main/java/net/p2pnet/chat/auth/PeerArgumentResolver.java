package net.p2pnet.chat.auth;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controller methods take the authenticated {@link Peer} as a parameter. */
class PeerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Peer.class;
    }

    @Override
    public Peer resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        Object peer = request.getAttribute(TicketInterceptor.PEER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (peer == null) {
            throw new IllegalStateException("no peer ticket was checked for " + parameter.getExecutable());
        }
        return (Peer) peer;
    }
}
