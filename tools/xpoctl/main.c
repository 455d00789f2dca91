// SPDX-License-Identifier: GPL-2.0
#include "xpoctl.h"

int main(int argc, char **argv)
{
	return xpoctl_main(argc, argv);
}
