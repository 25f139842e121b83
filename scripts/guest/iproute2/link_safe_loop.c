// SPDX-License-Identifier: GPL-2.0
/*
 * iproute2 support for "ip link add NAME type safe_loop peer [name] PEER [up]"
 * (and for any kind with the same attributes: -DLINK_KIND=classic_loop
 * builds link_classic_loop.so for the evaluation's twin).
 *
 * iproute2 parses the options of a link kind with a "link_util" that it
 * finds in its own binary or, for other kinds, in IP_LIB_DIR/link_KIND.so
 * (default /usr/lib/ip). This is that plugin for safe_loop: it writes the
 * peer as the kernel expects it (SAFE_NETDEV_INFO_PEER: a struct ifinfomsg
 * and IFLA_IFNAME, the layout veth uses). Build:
 *
 *	gcc -shared -fPIC -O2 -o link_safe_loop.so link_safe_loop.c
 *
 * Only the leading members of iproute2's struct link_util are used; the
 * rest of ours is zero (iproute2 reads some of its later members).
 */
#include <stdio.h>
#include <sys/socket.h>
#include <string.h>
#include <linux/if.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#ifndef LINK_KIND
#define LINK_KIND	safe_loop
#endif
#define STR_(x)		#x
#define STR(x)		STR_(x)
#define UTIL_(kind)	kind##_link_util
#define UTIL(kind)	UTIL_(kind)

#define SAFE_NETDEV_INFO_PEER	1
#define SAFE_NETDEV_INFO_MAX	1
#define REQUEST_ROOM		1024	/* iproute2's request keeps this much */

struct link_util {
	struct link_util *next;
	const char *id;
	int maxattr;
	int (*parse_opt)(struct link_util *lu, int argc, char **argv,
			 struct nlmsghdr *n);
	void *unused[16];
};

static void *tail(struct nlmsghdr *n)
{
	return (char *)n + NLMSG_ALIGN(n->nlmsg_len);
}

static int append(struct nlmsghdr *n, const void *data, size_t len)
{
	if (NLMSG_ALIGN(n->nlmsg_len) + RTA_ALIGN(len) > REQUEST_ROOM)
		return -1;
	memcpy(tail(n), data, len);
	n->nlmsg_len = NLMSG_ALIGN(n->nlmsg_len) + RTA_ALIGN(len);
	return 0;
}

static int parse_opt(struct link_util *lu, int argc, char **argv,
		     struct nlmsghdr *n)
{
	struct ifinfomsg ifm = { .ifi_family = AF_UNSPEC };
	struct rtattr *nest, name;
	const char *peer;

	/* A trailing "up" is the peer's, as with veth: open it at once. */
	if (argc > 0 && !strcmp(argv[argc - 1], "up")) {
		ifm.ifi_flags = IFF_UP;
		ifm.ifi_change = IFF_UP;
		argc--;
	}
	if (argc == 3 && !strcmp(argv[0], "peer") && !strcmp(argv[1], "name"))
		peer = argv[2];
	else if (argc == 2 && !strcmp(argv[0], "peer"))
		peer = argv[1];
	else {
		fprintf(stderr, "usage: ip link add NAME type %s [peer [name] PEER [up]]\n",
			STR(LINK_KIND));
		return -1;
	}
	if (strlen(peer) >= 16) {
		fprintf(stderr, "%s: peer name \"%s\" is too long\n", STR(LINK_KIND), peer);
		return -1;
	}
	nest = tail(n);
	nest->rta_type = SAFE_NETDEV_INFO_PEER;
	nest->rta_len = RTA_LENGTH(0);
	if (append(n, nest, RTA_LENGTH(0)) || append(n, &ifm, sizeof(ifm)))
		return -1;
	name.rta_type = IFLA_IFNAME;
	name.rta_len = RTA_LENGTH(strlen(peer) + 1);
	{
		char attr[RTA_SPACE(16)] = { 0 };

		memcpy(attr, &name, sizeof(name));
		memcpy(attr + RTA_LENGTH(0), peer, strlen(peer) + 1);
		if (append(n, attr, name.rta_len))
			return -1;
	}
	nest->rta_len = (char *)tail(n) - (char *)nest;
	return 0;
}

struct link_util UTIL(LINK_KIND) = {
	.id = STR(LINK_KIND),
	.maxattr = SAFE_NETDEV_INFO_MAX,
	.parse_opt = parse_opt,
};
