package serve

import "os/exec"

// BrowserCommand is the command that opens address in the user's browser
// on the system goos (runtime.GOOS).
func BrowserCommand(goos, address string) (string, []string) {
	switch goos {
	case "windows":
		// rundll32 takes the address as it is; "cmd /c start" would read
		// & in it as a command separator.
		return "rundll32", []string{"url.dll,FileProtocolHandler", address}
	case "darwin":
		return "open", []string{address}
	}
	return "xdg-open", []string{address}
}

// OpenBrowser starts the browser on address and does not wait for it. An
// error means no browser could be started; the caller prints the address
// for the user to open.
func OpenBrowser(goos, address string) error {
	name, args := BrowserCommand(goos, address)
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}
