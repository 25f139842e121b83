// SPDX-License-Identifier: GPL-2.0
/*
 * readbench PATH BLOCK TOTAL READERS: READERS processes each open PATH and
 * read TOTAL bytes in BLOCK-byte read() calls, all starting together.
 * Prints the aggregate throughput in MB/s (10^6 bytes per second) of the
 * wall time from the common start to the last reader's end, or fails
 * (exit 1, message on stderr) if any read is short or fails.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int reader(const char *path, size_t block, size_t total, int go)
{
	char *buf = malloc(block);
	int fd = open(path, O_RDONLY);
	char c;

	if (!buf || fd < 0) {
		fprintf(stderr, "readbench: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (read(go, &c, 1) != 0)	/* the start: the pipe closes */
		return 1;
	for (size_t done = 0; done < total; done += block) {
		ssize_t n = read(fd, buf, block);

		if (n != (ssize_t)block) {
			fprintf(stderr, "readbench: %s: read returned %zd: %s\n",
				path, n, n < 0 ? strerror(errno) : "short");
			return 1;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	size_t block, total;
	int readers, i, status, failed = 0, go[2];
	double start;

	if (argc != 5) {
		fprintf(stderr, "usage: readbench PATH BLOCK TOTAL READERS\n");
		return 2;
	}
	block = strtoul(argv[2], NULL, 0);
	total = strtoul(argv[3], NULL, 0);
	readers = atoi(argv[4]);
	if (!block || total < block || readers < 1 || pipe(go))
		return 2;
	for (i = 0; i < readers; i++) {
		pid_t pid = fork();

		if (pid < 0)
			return 1;
		if (pid == 0) {
			close(go[1]);
			_exit(reader(argv[1], block, total, go[0]));
		}
	}
	close(go[0]);
	usleep(100 * 1000);	/* let every reader open and wait */
	start = now();
	close(go[1]);
	for (i = 0; i < readers; i++) {
		if (wait(&status) < 0 || !WIFEXITED(status) || WEXITSTATUS(status))
			failed = 1;
	}
	if (failed)
		return 1;
	printf("%.1f\n", (double)total * readers / (now() - start) / 1e6);
	return 0;
}
