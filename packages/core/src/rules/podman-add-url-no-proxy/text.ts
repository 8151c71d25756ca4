// podman-add-url-no-proxy: why it happens and how to fix it (markdown).
export const explanation = `With podman and buildah, \`ADD <url>\` is not a RUN step: the podman (or buildah) process downloads the file
itself, in Go, with the proxy variables of **its own** environment — the shell's, then containers.conf \`[engine] env\`.
For \`podman --remote\` and podman machine that is the **service's** environment (the machine's
\`default-env.conf\`). \`--build-arg HTTP_PROXY=…\`, \`--http-proxy\` and RUN's environment play no part. Measured on
podman 4.3.1 / buildah 1.28.2 (buildproxy's e2e suite): ADD used the process's proxy, never the build's.

How the download is made, by version (buildah's \`add.go\`, \`getURL\`; podman vendors buildah):
- buildah < 1.38 (podman < 5.3): \`http.Get\`, so Go's \`ProxyFromEnvironment\` (HTTP_PROXY, HTTPS_PROXY, NO_PROXY).
- buildah 1.38–1.41 (podman 5.3–5.6): a new \`http.Transport\` without a \`Proxy\` function — the download is
  **always direct**, whatever the environment says
  ([containers/buildah#5869](https://github.com/containers/buildah/issues/5869): "dial tcp 185.199.110.133:443: connect: connection refused"
  on 1.38.0 where 1.33 worked; [containers/podman#25220](https://github.com/containers/podman/issues/25220)).
- buildah ≥ 1.42 (podman ≥ 5.7): \`Proxy: http.ProxyFromEnvironment\` again
  ([containers/buildah#6274](https://github.com/containers/buildah/pull/6274)).`;

export const fix = `Give the process that downloads the proxy for the URL's scheme: export \`HTTPS_PROXY\` (for \`https://\` URLs) and
\`HTTP_PROXY\` before \`podman build\` / \`buildah bud\`, or set them in containers.conf \`[engine] env\`; for podman machine,
restart the machine from a shell that has them (target \`podman-machine\`). On podman 5.3–5.6 / buildah 1.38–1.41 no
setting helps: upgrade to podman 5.7 / buildah 1.42, or replace the \`ADD <url>\` by a \`RUN curl -fLo …\` step, which
gets the build's proxy.`;
