package oracle

import (
	"net"
	"os/exec"
	"strings"
	"testing"
)

func TestInstallHint(t *testing.T) {
	cases := []struct{ name, want string }{
		{"lua5.1", "apt-get install -y lua5.1"},
		{"luac5.1", "apt-get install -y lua5.1"},
		{"redis-cli", "apt-get install -y redis-server"},
		{"something-else", "apt-get install -y something-else"},
	}
	for _, c := range cases {
		if got := InstallHint(c.name); !strings.HasSuffix(got, c.want) {
			t.Errorf("InstallHint(%q) = %q, want suffix %q", c.name, got, c.want)
		}
	}
}

func TestInCI(t *testing.T) {
	cases := []struct {
		env  string
		want bool
	}{{"", false}, {"true", true}, {"1", true}, {"false", false}, {"yes", false}}
	for _, c := range cases {
		t.Setenv("CI", c.env)
		if got := InCI(); got != c.want {
			t.Errorf("CI=%q: InCI() = %v, want %v", c.env, got, c.want)
		}
	}
}

// TestOraclesAnswer checks that the oracles found on PATH are the versions the goldens come from.
func TestOraclesAnswer(t *testing.T) {
	lua := Binary(t, "lua5.1")
	out, err := exec.Command(lua, "-v").CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "Lua 5.1") {
		t.Fatalf("%s -v = %q, %v; want Lua 5.1", lua, out, err)
	}
	redis := Binary(t, "redis-server")
	out, err = exec.Command(redis, "--version").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "v=7.0.") {
		t.Fatalf("%s --version = %q, %v; want Redis 7.0.x", redis, out, err)
	}
}

// TestStartRedis checks that StartRedis brings up a server that answers, and that stop ends it.
func TestStartRedis(t *testing.T) {
	addr, stop := StartRedis(t)
	if err := waitPing(addr, nil); err != nil {
		t.Fatalf("started server does not answer: %v", err)
	}
	stop()
	stop() // idempotent
	if conn, err := net.Dial("tcp", addr); err == nil {
		conn.Close()
		t.Fatalf("server at %s still accepts connections after stop", addr)
	}
}
