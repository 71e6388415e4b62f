package main

import (
	"context"
	"io"
)

