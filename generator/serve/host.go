package serve

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
)

// Hosts are the names a request's Host header may give: this machine's own
// names and addresses, and those allowed by hand (accord serve
// --allow-host).
//
// Whatever address the server listens on, a web page the reader visits
// must not read the handbook: a hostile page can point its own domain at
// this machine (DNS rebinding) — at 127.0.0.1 to reach a server bound to
// loopback, at the machine's network address to reach one bound to
// 0.0.0.0 — and read the handbook through the reader's browser, as its own
// origin. Such requests carry the hostile domain as their Host, which is
// none of the machine's names. An address written as such (127.0.0.1,
// 192.168.1.5) cannot be rebound, but only the machine's own are allowed:
// a reader uses those or a name.
type Hosts struct {
	names map[string]bool
	// ips are the machine's network addresses as last looked up (with
	// lookup); a Host that is an address not among them looks them up
	// again, since a laptop's address changes while the server runs.
	mu     sync.Mutex
	ips    []net.IP
	lookup func() []net.IP
}

// MachineHosts returns this machine's hosts: localhost and its
// sub-domains, the loopback addresses, the host name (os.Hostname) and the
// addresses of the network interfaces, the address the server is bound to
// (as given: a name, or 0.0.0.0, which is what accord serve then prints),
// and the names in allow. A name in allow is a host name or an address,
// without a port.
func MachineHosts(bind string, allow []string) (*Hosts, error) {
	h := &Hosts{names: map[string]bool{}, lookup: interfaceAddrs}
	if name, err := os.Hostname(); err == nil {
		h.add(name)
		if short, _, ok := strings.Cut(name, "."); ok {
			h.add(short)
		}
	}
	h.add(bind)
	for _, a := range allow {
		if err := CheckHostName(a); err != nil {
			return nil, err
		}
		h.add(a)
	}
	return h, nil
}

// CheckHostName says what is wrong with a name given to --allow-host: it
// must be a host name (letters, digits, '-' and '.') or an IP address,
// without a port or a scheme.
func CheckHostName(name string) error {
	if net.ParseIP(strings.Trim(name, "[]")) != nil {
		return nil
	}
	if name == "" || len(name) > 253 || strings.Trim(name, ".") == "" {
		return fmt.Errorf("%q is not a host name", name)
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
			return fmt.Errorf("%q is not a host name: give a name such as handbook.example.com or an address, without a port", name)
		}
	}
	return nil
}

func (h *Hosts) add(name string) {
	if n := normalHost(name); n != "" {
		h.names[n] = true
	}
}

// normalHost is a host as compared: lower-case, without a trailing dot or
// the brackets around an IPv6 address.
func normalHost(host string) string {
	return strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
}

// Allows reports whether a Host header (with or without a port) names
// this machine or a host allowed by hand.
func (h *Hosts) Allows(hostport string) bool {
	host := hostport
	if hst, _, err := net.SplitHostPort(hostport); err == nil {
		host = hst
	}
	host = normalHost(host)
	if host == "" {
		return false
	}
	if host == "localhost" || strings.HasSuffix(host, ".localhost") || h.names[host] {
		return true
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return false
	}
	return ip.IsLoopback() || h.ownAddress(ip)
}

func (h *Hosts) ownAddress(ip net.IP) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if slices.ContainsFunc(h.ips, ip.Equal) {
		return true
	}
	h.ips = h.lookup()
	return slices.ContainsFunc(h.ips, ip.Equal)
}

func interfaceAddrs() []net.IP {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil
	}
	var ips []net.IP
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok {
			ips = append(ips, n.IP)
		}
	}
	return ips
}

// HostCheck refuses with 403 every request whose Host header is not one of
// hosts.
func HostCheck(next http.Handler, hosts *Hosts) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !hosts.Allows(r.Host) {
			http.Error(w, "accord serve answers only to this machine's own names and addresses, "+
				"so that no web page can read the handbook through a DNS name pointed at it. "+
				"To reach it by another name, start it with --allow-host NAME.", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}
