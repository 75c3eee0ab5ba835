package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/base64"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/pmpath/pmpath/internal/account"
	"github.com/pmpath/pmpath/internal/config"
)

// userCommand runs `pmpath user create`, which bootstraps the first admin
// (and any staff account) from the shell.
func userCommand(ctx context.Context, args, environ []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "create" {
		return fmt.Errorf("usage: pmpath user create --email E --role admin|advisor|recruiter [--name N] [--password-stdin]")
	}
	fs := flag.NewFlagSet("user create", flag.ContinueOnError)
	fs.SetOutput(stderr)
	email := fs.String("email", "", "e-mail address (required)")
	role := fs.String("role", "", "admin, advisor or recruiter (required)")
	name := fs.String("name", "", "display name (default: the e-mail's local part)")
	fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *email == "" || *role == "" || fs.NArg() > 0 {
		return fmt.Errorf("user create needs --email and --role, and takes no other arguments")
	}
	if *name == "" {
		*name, _, _ = strings.Cut(*email, "@")
	}
	pw, generated := "", false
	if *fromStdin {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && err != io.EOF {
			return err
		}
		pw = strings.TrimRight(line, "\r\n")
	} else {
		b := make([]byte, 18)
		if _, err := rand.Read(b); err != nil {
			return err
		}
		pw, generated = base64.RawURLEncoding.EncodeToString(b), true
	}

	cfg, err := config.Load(environ)
	if err != nil {
		return err
	}
	log := newLogger(cfg, stderr)
	db, err := openDB(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	accounts, _, err := newAccounts(ctx, cfg, db, log)
	if err != nil {
		return err
	}
	u, err := accounts.CreateStaff(ctx, account.NewUser{Email: *email, Password: pw, DisplayName: *name, Role: account.Role(*role)})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created %s %s (id %s)\n", u.Role, u.Email, u.ID)
	if generated {
		fmt.Fprintf(stdout, "password: %s\n(shown once; sign in and keep it safe)\n", pw)
	}
	return nil
}
