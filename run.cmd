@echo off
rem run N [command] [options]: build step N of the course when its sources changed, then run it.
rem This script only finds Java; the work is done by launcher\Run.java, shared with ./run.
setlocal

rem Java: JAVA_HOME first, then the PATH.
set "JAVA_EXE="
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if not defined JAVA_EXE for %%j in (java.exe) do set "JAVA_EXE=%%~$PATH:j"
if not defined JAVA_EXE goto :nojava

rem Run.java in the JDK's source-file mode; its first argument is the repository root
rem (The "." after the folder keeps its trailing backslash from escaping the closing quote.)
rem The two -XX options make this short-lived JVM start faster; the step's own JVM does not get them.
"%JAVA_EXE%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "%~dp0launcher\Run.java" "%~dp0." %*
exit /b %ERRORLEVEL%

:nojava
>&2 echo Java 17 or newer is needed: install a JDK (https://adoptium.net) and try again.
exit /b 1
