// proxy-auth-required: why it happens and how to fix it (markdown), apart from the check so that running the
// rules does not load the prose.
export const explanation = `The proxy answered \`CONNECT registry-1.docker.io:443\` with **407 Proxy Authentication Required**. Its
\`Proxy-Authenticate\` header names the schemes it accepts:

- **Basic**: Go sends it from the URL's userinfo (\`http://user:pass@proxy:3128\`), so dockerd, buildkitd and buildx
  can use it. A 407 *with* credentials in the URL means they are wrong or mis-encoded (\`@\`, \`:\`, \`%\`, \`#\` must be
  percent-encoded; in a systemd unit \`%\` is doubled again, see \`systemd-percent-escape\`).
- **NTLM** and **Negotiate** (Kerberos/SPNEGO), and **Digest**: Go's \`net/http\` cannot answer them at all
  (golang/go#22288), so no setting makes dockerd or buildkitd pass such a proxy. RUN steps (\`apt\`, \`curl\` with
  \`https_proxy\`) mostly cannot either.

The error a build shows: \`proxyconnect tcp: … 407 Proxy Authentication Required\` or \`unexpected status … 407\`.`;

export const fix = `Basic: put the credentials, percent-encoded, in the proxy URL and plan again. NTLM or Negotiate: run a local
authenticating relay that speaks Basic-free plain HTTP to the actors and NTLM to the corporate proxy — target
\`cntlm-relay\` writes Debian's \`cntlm\` configuration: it listens only on \`127.0.0.1\` and the docker bridge
gateway, \`Allow\`s only loopback and the bridge subnet and \`Deny 0/0\` (never an open relay carrying your corporate
credentials), and keeps your secret as a \`PassNTLMv2\` hash in a 0600 file. Then plan again with
\`--proxy http://BRIDGE-GATEWAY:3128\`. Negotiate (Kerberos) needs a ticket; cntlm speaks NTLM, which most
Negotiate proxies also accept.`;
