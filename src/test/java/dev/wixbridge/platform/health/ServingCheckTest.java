package dev.wixbridge.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ServingCheckTest {

    @Test
    void readiness_waits_for_the_last_servlet_of_the_web_module() {
        WebModuleStarted webModule = new WebModuleStarted();
        LastServletLoaded lastServlet = new LastServletLoaded();
        lastServlet.webModule = webModule;

        assertThat(webModule.isStarted()).isFalse();
        lastServlet.init();
        assertThat(webModule.isStarted()).isTrue();
    }

    @Test
    void the_jax_rs_servlet_loads_with_the_module_and_before_the_last_servlet() throws Exception {
        Document webXml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("src/main/webapp/WEB-INF/web.xml").toFile());
        int jaxRs = loadOnStartup(webXml, "dev.wixbridge.RestApplication");
        int last = loadOnStartup(webXml, "last-servlet-loaded");
        assertThat(jaxRs).as("JAX-RS servlet load-on-startup").isPositive().isLessThan(last);
    }

    private static int loadOnStartup(Document webXml, String servletName) {
        NodeList servlets = webXml.getElementsByTagName("servlet");
        for (int i = 0; i < servlets.getLength(); i++) {
            Element servlet = (Element) servlets.item(i);
            if (servletName.equals(servlet.getElementsByTagName("servlet-name").item(0).getTextContent().trim())) {
                return Integer.parseInt(servlet.getElementsByTagName("load-on-startup").item(0).getTextContent().trim());
            }
        }
        throw new AssertionError(servletName + " is not declared in web.xml");
    }
}
