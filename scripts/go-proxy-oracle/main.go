// go-proxy-oracle answers, for ONE request URL (argv[1]) and the process environment, what Go's net/http
// really does: the proxy ProxyFromEnvironment returns (or its error), and the address a Transport really
// dials for that request. It is run once per case in a fresh process because net/http reads the environment
// only once (envProxyOnce), so this exercises FromEnvironment's variable names, getEnvAny's precedence and
// the REQUEST_METHOD (CGI) rule exactly as dockerd, containerd, buildkitd and buildx run them.
// Nothing leaves the machine: the Transport's dialer records the address and fails.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"os"
	"runtime"
)

type answer struct {
	Go    string  `json:"go"`
	Err   *string `json:"err"`   // http.NewRequest or ProxyFromEnvironment failed
	Proxy *string `json:"proxy"` // proxy URL (String()), null: direct
	Host  *string `json:"host"`  // proxy url.URL.Host
	User  *string `json:"user"`  // proxy userinfo username, null when none
	Dial  *string `json:"dial"`  // address the Transport dialed first (only when a proxy was chosen)
}

var errRecorded = errors.New("oracle: dial recorded")

func str(s string) *string { return &s }

func main() {
	out := answer{Go: runtime.Version()}
	defer func() { _ = json.NewEncoder(os.Stdout).Encode(out) }()
	req, err := http.NewRequest("GET", os.Args[1], nil)
	if err != nil {
		out.Err = str(err.Error())
		return
	}
	pu, err := http.ProxyFromEnvironment(req)
	if err != nil {
		out.Err = str(err.Error())
		return
	}
	if pu == nil {
		return
	}
	out.Proxy, out.Host = str(pu.String()), str(pu.Host)
	if pu.User != nil {
		out.User = str(pu.User.Username())
	}
	var dialed *string
	tr := &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: func(_ context.Context, _, addr string) (net.Conn, error) {
			if dialed == nil {
				dialed = str(addr)
			}
			return nil, errRecorded
		},
	}
	_, _ = tr.RoundTrip(req)
	out.Dial = dialed
}
