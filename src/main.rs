use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = motmap::cli::Cli::parse();
    match motmap::cli::run(cli) {
        Ok(code) => code,
        Err(error) if motmap::cli::is_closed_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("motmap: {error:#}");
            ExitCode::FAILURE
        }
    }
}
