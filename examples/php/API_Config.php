<?php
// The seed's configuration class. The values come from the environment (as every example of
// this project reads them), defaulting to the emulator's development project.
define('OPENTOK_EXAMPLE_KEY', getenv('OPENTOK_API_KEY') ?: '123456');
define('OPENTOK_EXAMPLE_SECRET', getenv('OPENTOK_API_SECRET') ?: '1234567890abcdef1234567890abcdef1234567890');
define('OPENTOK_EXAMPLE_SERVER', getenv('OPENTOK_API_URL') ?: 'http://127.0.0.1:4010');

class API_Config
{
    const API_KEY = OPENTOK_EXAMPLE_KEY;
    const API_SECRET = OPENTOK_EXAMPLE_SECRET;
    // OpenTokSDK sends its requests here, as the original SDK did.
    const API_SERVER = OPENTOK_EXAMPLE_SERVER;
}
