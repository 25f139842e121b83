// SPDX-License-Identifier: GPL-2.0
/*
 * readbench PATH BLOCK SECONDS READERS: READERS processes each open PATH and
 * read it in BLOCK-byte read() calls for SECONDS, all starting together.
 * Prints the aggregate throughput in MB/s (10^6 bytes per second): the bytes
 * all readers read over the time from the common start to the last reader's
 * end, or fails (exit 1, message on stderr) if any read is short or fails.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* What one reader did, in memory shared with the parent. */
struct result {
	unsigned long long bytes;
	double end;
};

static int reader(const char *path, size_t block, double seconds, int go,
		  struct result *res)
{
	char *buf = malloc(block);
	int fd = open(path, O_RDONLY);
	double end;
	char c;

	if (!buf || fd < 0) {
		fprintf(stderr, "readbench: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (read(go, &c, 1) != 0)	/* the start: the pipe closes */
		return 1;
	end = now() + seconds;
	do {
		ssize_t n = read(fd, buf, block);

		if (n != (ssize_t)block) {
			fprintf(stderr, "readbench: %s: read returned %zd: %s\n",
				path, n, n < 0 ? strerror(errno) : "short");
			return 1;
		}
		res->bytes += n;
	} while ((res->end = now()) < end);
	return 0;
}

int main(int argc, char **argv)
{
	unsigned long long total = 0;
	int readers, i, status, failed = 0, go[2];
	struct result *res;
	double start, last = 0, seconds;
	size_t block;

	if (argc != 5) {
		fprintf(stderr, "usage: readbench PATH BLOCK SECONDS READERS\n");
		return 2;
	}
	block = strtoul(argv[2], NULL, 0);
	seconds = atof(argv[3]);
	readers = atoi(argv[4]);
	if (!block || seconds <= 0 || readers < 1 || pipe(go))
		return 2;
	res = mmap(NULL, readers * sizeof(*res), PROT_READ | PROT_WRITE,
		   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (res == MAP_FAILED)
		return 1;
	for (i = 0; i < readers; i++) {
		pid_t pid = fork();

		if (pid < 0)
			return 1;
		if (pid == 0) {
			close(go[1]);
			_exit(reader(argv[1], block, seconds, go[0], &res[i]));
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
	for (i = 0; i < readers; i++) {
		total += res[i].bytes;
		if (res[i].end > last)
			last = res[i].end;
	}
	printf("%.1f\n", total / (last - start) / 1e6);
	return 0;
}
