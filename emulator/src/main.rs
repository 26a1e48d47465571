//! The `opentok-emulator` binary.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = opentok_emulator::Cli::parse();
    let runtime = match cli.runtime() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("opentok-emulator: cannot start the runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(opentok_emulator::run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("opentok-emulator: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
