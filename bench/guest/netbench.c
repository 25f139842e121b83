// SPDX-License-Identifier: GPL-2.0
/*
 * netbench: the network measurements of 'make bench', inside the guest.
 *
 *   netbench frames IFNAME SIZE SECONDS   AF_PACKET frames of SIZE bytes
 *	sent on a loopback-mode device and received back, one in flight:
 *	prints frames per second
 *   netbench udp-echo PORT                echo UDP datagrams (until killed)
 *   netbench udp-ping ADDR PORT COUNT     COUNT request/response round
 *	trips of 64 bytes: prints "P50 P99" in microseconds
 *   netbench udp-sink PORT SECONDS        count datagrams for SECONDS from
 *	the first: prints packets per second
 *   netbench udp-blast ADDR PORT SECONDS  send 64-byte datagrams for SECONDS
 *   netbench tcp-sink PORT                receive one connection to its
 *	end: prints MB/s (10^6 bytes/s) from the first byte to the last
 *   netbench tcp-blast ADDR PORT SECONDS  send over TCP for SECONDS
 * Addresses are IPv6 (the tests use ULA addresses between namespaces).
 */
#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static struct sockaddr_in6 addr6(const char *ip, const char *port)
{
	struct sockaddr_in6 a = { .sin6_family = AF_INET6,
				  .sin6_port = htons(atoi(port)) };

	if (ip && inet_pton(AF_INET6, ip, &a.sin6_addr) != 1) {
		fprintf(stderr, "netbench: bad address %s\n", ip);
		exit(2);
	}
	return a;
}

static int frames(const char *ifname, int size, double seconds)
{
	static unsigned char frame[9100], back[9100];
	struct sockaddr_ll sll = { .sll_family = AF_PACKET,
				   .sll_protocol = htons(0x88b5) };
	int fd = socket(AF_PACKET, SOCK_RAW, htons(0x88b5));
	long n = 0;
	double start, end;

	sll.sll_ifindex = if_nametoindex(ifname);
	if (fd < 0 || !sll.sll_ifindex || size < 60 || size > (int)sizeof(frame) ||
	    bind(fd, (struct sockaddr *)&sll, sizeof(sll))) {
		perror("netbench frames");
		return 1;
	}
	memset(frame, 0xff, 6);
	memcpy(frame + 6, "\x02\x00\x5a\xfe\x00\x02", 6);
	frame[12] = 0x88;
	frame[13] = 0xb5;
	start = now();
	end = start + seconds;
	while (now() < end) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		struct sockaddr_ll from;
		socklen_t fl;

		if (send(fd, frame, size, 0) != size)
			return 1;
		do {
			fl = sizeof(from);
			if (poll(&pfd, 1, 1000) != 1 ||
			    recvfrom(fd, back, sizeof(back), 0, (struct sockaddr *)&from, &fl) < 0)
				return 1;
		} while (from.sll_pkttype == PACKET_OUTGOING);
		n++;
	}
	printf("%.0f\n", n / (now() - start));
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int udp(int argc, char **argv)
{
	int fd = socket(AF_INET6, SOCK_DGRAM, 0);
	char buf[2048] = { 0 };

	if (fd < 0)
		return 1;
	if (!strcmp(argv[1], "udp-echo") && argc == 3) {
		struct sockaddr_in6 a = addr6(NULL, argv[2]), from;
		socklen_t fl;
		ssize_t n;

		if (bind(fd, (struct sockaddr *)&a, sizeof(a)))
			return 1;
		for (;;) {
			fl = sizeof(from);
			n = recvfrom(fd, buf, sizeof(buf), 0, (struct sockaddr *)&from, &fl);
			if (n >= 0)
				sendto(fd, buf, n, 0, (struct sockaddr *)&from, fl);
		}
	}
	if (!strcmp(argv[1], "udp-ping") && argc == 5) {
		struct sockaddr_in6 a = addr6(argv[2], argv[3]);
		int count = atoi(argv[4]), i;
		double *rtt = calloc(count, sizeof(*rtt));
		struct pollfd pfd = { .fd = fd, .events = POLLIN };

		if (!rtt || count < 1 || connect(fd, (struct sockaddr *)&a, sizeof(a)))
			return 1;
		for (i = 0; i < count; i++) {
			double t = now();

			if (send(fd, buf, 64, 0) != 64 || poll(&pfd, 1, 2000) != 1 ||
			    recv(fd, buf, sizeof(buf), 0) != 64)
				return 1;
			rtt[i] = (now() - t) * 1e6;
		}
		qsort(rtt, count, sizeof(*rtt), cmp_double);
		printf("%.1f %.1f\n", rtt[count / 2], rtt[(count * 99) / 100]);
		return 0;
	}
	if (!strcmp(argv[1], "udp-sink") && argc == 4) {
		struct sockaddr_in6 a = addr6(NULL, argv[2]);
		double seconds = atof(argv[3]), start, end;
		int rcvbuf = 4 << 20;
		long n = 0;

		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
		struct pollfd first = { .fd = fd, .events = POLLIN };

		if (bind(fd, (struct sockaddr *)&a, sizeof(a)) || poll(&first, 1, 5000) != 1 ||
		    recv(fd, buf, sizeof(buf), 0) < 0)
			return 1;
		start = now();
		end = start + seconds;
		while (now() < end) {
			struct pollfd pfd = { .fd = fd, .events = POLLIN };

			if (poll(&pfd, 1, 100) == 1 && recv(fd, buf, sizeof(buf), 0) >= 0)
				n++;
		}
		printf("%.0f\n", n / seconds);
		return 0;
	}
	if (!strcmp(argv[1], "udp-blast") && argc == 5) {
		struct sockaddr_in6 a = addr6(argv[2], argv[3]);
		double end = now() + atof(argv[4]);

		if (connect(fd, (struct sockaddr *)&a, sizeof(a)))
			return 1;
		while (now() < end)
			send(fd, buf, 64, 0);	/* losses are the measurement */
		return 0;
	}
	return 2;
}

static int tcp(int argc, char **argv)
{
	static char buf[65536];
	int fd = socket(AF_INET6, SOCK_STREAM, 0), one = 1;

	if (fd < 0)
		return 1;
	if (!strcmp(argv[1], "tcp-sink") && argc == 3) {
		struct sockaddr_in6 a = addr6(NULL, argv[2]);
		double start = 0;
		long long total = 0;
		ssize_t n;
		int c;

		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		struct pollfd pfd = { .fd = fd, .events = POLLIN };

		if (bind(fd, (struct sockaddr *)&a, sizeof(a)) || listen(fd, 1) ||
		    poll(&pfd, 1, 10000) != 1)
			return 1;
		c = accept(fd, NULL, NULL);
		while ((n = read(c, buf, sizeof(buf))) > 0) {
			if (!total)
				start = now();
			total += n;
		}
		if (n < 0 || !total)
			return 1;
		printf("%.1f\n", total / (now() - start) / 1e6);
		return 0;
	}
	if (!strcmp(argv[1], "tcp-blast") && argc == 5) {
		struct sockaddr_in6 a = addr6(argv[2], argv[3]);
		double end = now() + atof(argv[4]);

		if (connect(fd, (struct sockaddr *)&a, sizeof(a)))
			return 1;
		while (now() < end) {
			if (write(fd, buf, sizeof(buf)) <= 0)
				return 1;
		}
		close(fd);
		return 0;
	}
	return 2;
}

int main(int argc, char **argv)
{
	if (argc == 5 && !strcmp(argv[1], "frames"))
		return frames(argv[2], atoi(argv[3]), atof(argv[4]));
	if (argc >= 3 && !strncmp(argv[1], "udp-", 4))
		return udp(argc, argv);
	if (argc >= 3 && !strncmp(argv[1], "tcp-", 4))
		return tcp(argc, argv);
	fprintf(stderr, "usage: see the comment at the top of netbench.c\n");
	return 2;
}
