package main

import "github.com/urfave/cli/v3"

func statutesCmd() *cli.Command {
	return &cli.Command{
		Name:  "statutes",
		Usage: "look up the bundled statutes",
		Commands: []*cli.Command{
			statutesListCmd(),
			statutesShowCmd(),
			statutesSearchCmd(),
		},
	}
}
