// SPDX-License-Identifier: GPL-2.0
/*
 * sembench MODE DEV0 DEV1 SECONDS: semaphore devices (safe_sem and its twin).
 *
 *   cycle     one process posts a unit to DEV0 (a 1-byte write) and takes
 *             it back (a 1-byte read), for SECONDS: the cost of the calls
 *             when nothing has to sleep.
 *   pingpong  two processes hand a unit back and forth: the parent posts
 *             to DEV0 and sleeps reading DEV1, the child sleeps reading
 *             DEV0 and posts to DEV1; round trips for SECONDS, each with
 *             two sleeps and two wake-ups.
 *
 * Prints operations (cycles or round trips) per second, or fails (exit 1,
 * message on stderr) if any call fails.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
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

static int open_dev(const char *path)
{
	int fd = open(path, O_RDWR);

	if (fd < 0)
		fprintf(stderr, "sembench: %s: %s\n", path, strerror(errno));
	return fd;
}

/* A post then a take on @post and @take: 0, or -1 with a message. */
static int post_take(int post, int take)
{
	char c = 0;

	if (post >= 0 && write(post, &c, 1) != 1) {
		fprintf(stderr, "sembench: write: %s\n", strerror(errno));
		return -1;
	}
	if (take >= 0 && read(take, &c, 1) != 1) {
		fprintf(stderr, "sembench: read: %s\n", strerror(errno));
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int d0, d1, status, failed = 0;
	double start, seconds, took = 0;
	long count = 0;
	pid_t pid = 0;

	if (argc != 5 || (strcmp(argv[1], "cycle") && strcmp(argv[1], "pingpong"))) {
		fprintf(stderr, "usage: sembench cycle|pingpong DEV0 DEV1 SECONDS\n");
		return 2;
	}
	seconds = atof(argv[4]);
	d0 = open_dev(argv[2]);
	d1 = open_dev(argv[3]);
	if (seconds <= 0 || d0 < 0 || d1 < 0)
		return 2;
	if (!strcmp(argv[1], "pingpong")) {
		pid = fork();
		if (pid < 0)
			return 1;
		if (pid == 0) {
			/* Takes from DEV0, posts to DEV1, until killed. */
			for (;;)
				if (post_take(-1, d0) || post_take(d1, -1))
					_exit(1);
		}
	}
	start = now();
	do {
		failed = pid ? post_take(d0, d1) : post_take(d0, d0);
		count++;
	} while (!failed && (took = now() - start) < seconds);
	if (pid) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
	}
	if (failed)
		return 1;
	printf("%.0f\n", count / took);
	return 0;
}
