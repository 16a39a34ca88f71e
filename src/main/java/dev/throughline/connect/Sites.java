package dev.throughline.connect;

import com.atlassian.connect.spring.AtlassianHost;
import dev.throughline.tenant.Site;

import java.net.URI;

/** Converts ACSB's host entity to the app's own {@link Site}. */
public final class Sites {

    private Sites() {
    }

    public static Site of(AtlassianHost host) {
        return new Site(host.getClientKey(), URI.create(host.getBaseUrl()));
    }

}
