<?php
// The seed required this file for the OpenTokSDK class; the opentok extension provides it.
if (!class_exists('OpenTokSDK')) {
    fwrite(STDERR, "OpenTokSDK needs the opentok extension: php -d extension=/path/to/libopentok_php.so\n");
    exit(1);
}
