package main

import (
	"context"
	"errors"

	"github.com/urfave/cli/v3"
)

func rulesCmd() *cli.Command {
	return &cli.Command{
		Name:  "rules",
		Usage: "(not implemented yet)",
		Action: func(ctx context.Context, cmd *cli.Command) error {
			return inputError(errors.New("rules is not implemented yet"))
		},
	}
}
