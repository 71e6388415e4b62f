package serve

import (
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
)

// machine returns the Hosts of a machine named devbox.corp.example with
// the network address 192.168.1.5, as MachineHosts makes them.
func machine(t *testing.T, bind string, allow ...string) *Hosts {
	t.Helper()
	h, err := MachineHosts(bind, allow)
	if err != nil {
		t.Fatal(err)
	}
	h.add("devbox.corp.example")
	h.add("devbox")
	h.lookup = func() []net.IP { return []net.IP{net.ParseIP("192.168.1.5"), net.ParseIP("fe80::1")} }
	return h
}

// TestHostCheck_bothBindings: bound to loopback or to every address, a
// request answered names this machine — localhost, a loopback address, its
// host name, one of its addresses, the address it is bound to — or a host
// allowed by hand; one that names another host (a rebound DNS name) gets
// 403.
func TestHostCheck_bothBindings(t *testing.T) {
	common := map[string]int{
		"localhost:1313": 200, "LOCALHOST.": 200, "127.0.0.1:1313": 200, "[::1]:1313": 200, "127.0.0.2": 200,
		"docs.localhost:80": 200, "devbox:1313": 200, "devbox.corp.example": 200, "DevBox.Corp.Example.:1313": 200,
		"192.168.1.5:1313": 200, "[fe80::1]:1313": 200, "handbook.test:1313": 200, "10.9.8.7": 200,
		"evil.example:1313": 403, "192.168.1.6:1313": 403, "": 403, "localhost.evil.example": 403,
		"devbox.evil.example": 403, "handbook.test.evil.example": 403, "10.9.8.70": 403,
	}
	for _, bind := range []string{"127.0.0.1", "0.0.0.0"} {
		want := map[string]int{"0.0.0.0:1313": 403}
		if bind == "0.0.0.0" {
			want["0.0.0.0:1313"] = 200 // the address accord serve prints
		}
		for host, code := range common {
			want[host] = code
		}
		h := HostCheck(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}), machine(t, bind, "handbook.test", "10.9.8.7"))
		for host, code := range want {
			req := httptest.NewRequest("GET", "/", nil)
			req.Host = host
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != code {
				t.Errorf("bound to %s, Host %q: %d, want %d", bind, host, rec.Code, code)
			}
		}
	}
}

// TestMachineHosts_realMachine: this machine's own host name and the
// addresses of its interfaces are allowed without being listed.
func TestMachineHosts_realMachine(t *testing.T) {
	h, err := MachineHosts("0.0.0.0", nil)
	if err != nil {
		t.Fatal(err)
	}
	if name, err := os.Hostname(); err == nil && !h.Allows(name+":1313") {
		t.Errorf("the host name %q is refused", name)
	}
	for _, ip := range interfaceAddrs() {
		if !h.Allows(net.JoinHostPort(ip.String(), "1313")) {
			t.Errorf("the interface address %s is refused", ip)
		}
	}
}

func TestCheckHostName(t *testing.T) {
	for name, ok := range map[string]bool{
		"handbook.example.com": true, "devbox": true, "10.0.0.5": true, "::1": true, "[fe80::1]": true, "xn--fsq.example": true,
		"": false, ".": false, "handbook.example.com:8080": false, "http://handbook": false, "*.example.com": false, "a b": false, "evil\x1b[2K": false,
	} {
		if err := CheckHostName(name); (err == nil) != ok {
			t.Errorf("CheckHostName(%q) = %v, want ok %v", name, err, ok)
		}
	}
}
