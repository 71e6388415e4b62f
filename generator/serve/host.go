package serve

import (
	"net"
	"net/http"
	"strings"
)

// LocalOnly refuses requests whose Host header names anything but this
// machine. A server bound to loopback is out of the network's reach, but not
// out of a web page's: a hostile page can point its own domain at 127.0.0.1
// (DNS rebinding) and read the handbook through the visitor's browser. Such
// requests carry the hostile domain as Host, and get 403.
func LocalOnly(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !localHost(r.Host) {
			http.Error(w, "accord serve answers to localhost, 127.0.0.1 and [::1] only", http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r)
	})
}

func localHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}
