use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match motmap::cli::parse(std::env::args_os()) {
        Ok(cli) => cli,
        Err(usage) => usage.exit(),
    };
    match motmap::cli::run(cli) {
        Ok(code) => code,
        Err(error) if motmap::cli::is_closed_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("motmap: {error:#}");
            ExitCode::FAILURE
        }
    }
}
