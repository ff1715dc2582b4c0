package main

import (
	"context"
	"errors"

	"github.com/urfave/cli/v3"
)

func statutesShowCmd() *cli.Command {
	return &cli.Command{
		Name:  "show",
		Usage: "(not implemented yet)",
		Action: func(ctx context.Context, cmd *cli.Command) error {
			return inputError(errors.New("show is not implemented yet"))
		},
	}
}
