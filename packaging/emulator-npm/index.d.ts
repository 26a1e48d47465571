/** The absolute path of the opentok-emulator binary for this platform; throws when none ships. */
export function binaryPath(): string;
/** This platform's name as the package's vendor/ folders use it (`linux-x64-gnu`, ...). */
export function platformName(): string;
